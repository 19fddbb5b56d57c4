"""The data contract: the statements' columns and cells, dates, stance scales, problems and the Event."""
