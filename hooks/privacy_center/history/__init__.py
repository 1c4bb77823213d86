"""Layer 4, versions over time: the classified diff and the changelog. Imports the layers below."""
