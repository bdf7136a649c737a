"""RDF stage: vocabulary, deterministic IRIs, records → triples, reading and writing graphs."""
