-- Adds one version of a remediation action: a new action (version 1) or a change to one.
INSERT INTO actions (action_id, version, province_code, index_code, indicator, owner, action, due,
                     status, note, updated_at, updated_by, owner_code)
VALUES ($action_id, $version, $province_code, $index_code, $indicator, $owner, $action, $due,
        $status, $note, $updated_at, $updated_by, $owner_code)
