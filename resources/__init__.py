"""The shipped resources, installed as the package ``qc_station._resources`` (``setup.py``).

Data only: read them through ``qc_station.resources``, never by importing this.
"""
