"""Taking a view away: exports, downloads, the self-contained published page and still images."""
