"""reactionmap: map how the world reacts to a news event."""

__version__ = "0.1.0"
