"""reactionmap's Streamlit app: the pages (reactionmap.pages) in the sidebar's navigation."""

import streamlit as st

from reactionmap.pages import site

st.set_page_config(page_title="reactionmap", page_icon="🗺️", layout="wide")
site.navigation().run()
