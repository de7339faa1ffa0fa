-- Vaka schema, version 2: the learned behaviour model of each resident (service/model/),
-- saved periodically and at stop so a restart does not relearn. One compact JSON document per
-- resident; the model's own version field lets a later release drop an incompatible state.

CREATE TABLE resident_models (
  resident_id uuid PRIMARY KEY REFERENCES residents (id) ON DELETE CASCADE,
  state jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
