-- When each user last signed in (a phone's or the console's sign-in with their password; renewing
-- tokens does not count), so that a ward admin sees who signs in and who never has.
ALTER TABLE app_user ADD COLUMN last_signed_in_at timestamptz;
