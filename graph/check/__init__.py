"""The check room: is the graph consistent with its ontology and shapes, and why not.

==============  ==============================================================
``reason``      OWL reasoning (owlready2, HermiT): consistency, inferred triples,
                the articles at fault
``culprits``    the axioms a contradiction breaks, found without Java
``validate``    SHACL shapes (pySHACL): a readable report
``provenance``  what a node is and where it came from, for the reports
==============  ==============================================================
"""
