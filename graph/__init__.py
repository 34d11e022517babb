"""The graph layer, in rooms: ``store`` (the store, remote store and build), ``network``
(the networkx projection, its cache, the page), ``export`` (one writer per format,
by name) and ``check`` (reasoning and validation); ``stats`` and ``demo`` use them all.
"""
