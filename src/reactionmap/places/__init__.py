"""Places: names to ISO3 codes, organizations, former UN members, and the world's shapes and dots."""
