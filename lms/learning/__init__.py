"""What participants study: module shelves, modules, lessons and their blocks,
speakers, progress, the catalogue queries, tags, search and the page API."""
