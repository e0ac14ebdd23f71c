"""Exhibition content: the package format, its loader and validator, images, the version store."""
