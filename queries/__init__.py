"""The question catalogue (``*.rq`` files), running SPARQL, and the endpoint."""
