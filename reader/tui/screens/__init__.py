"""Screens of the reader: the main screen and the help screen."""
