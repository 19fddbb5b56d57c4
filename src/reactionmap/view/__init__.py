"""What a reader sees of an event on a date: each actor's stance, the page's cuts, the URL state."""
