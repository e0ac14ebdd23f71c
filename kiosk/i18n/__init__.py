"""Languages: gettext catalogues, CLDR formatting through Babel, text direction."""
