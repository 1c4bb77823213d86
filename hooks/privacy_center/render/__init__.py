"""Layer 5, words and pages: phrases per language, the pages and their templates, the first layer, what the policy does
not say (gaps), the notices of change, the data map, the chrome (sitemaps, feeds, CSP) and the search index. Imports
the layers below."""
