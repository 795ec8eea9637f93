-- Where an index's embedding provider keeps the files it needs at query time: the model folder of an
-- 'onnx-folder' index (NULL for the built-in provider). Kept outside provider_key: the key names what changes
-- the vectors (the model's and tokenizer's sha256), and a moved folder holding the same files still matches.
ALTER TABLE vector_indexes ADD COLUMN provider_source TEXT;
