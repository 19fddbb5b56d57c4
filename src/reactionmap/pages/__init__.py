"""The Streamlit app's pages: widgets and layout over the package (only here and app.py import streamlit)."""
