"""Segmentation and text analysis: plain Python, no UI imports."""
