-- A sign-in attempt is written down before its password is checked, and stays "in flight" until
-- the check ends: a failed check makes it a failure, a successful one deletes it. An attempt in
-- flight holds one of the limit's places, so parallel guesses cannot pass the limit, but it is
-- not a failure, so parallel sign-ins with the right password are not refused. One whose check
-- never ended (its instance stopped) counts as a failure once in_flight_until has passed.
ALTER TABLE sign_in_failure ADD COLUMN in_flight_until timestamptz;
