"""Small reusable widgets shared by pages."""
