"""Drawing a view: the map, the timeline, a vote's tally, quote cards and the page's sentences."""
