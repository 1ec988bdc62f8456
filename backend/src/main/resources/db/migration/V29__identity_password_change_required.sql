-- A password someone else set (a ward admin creating the account or resetting it) must be changed
-- by its owner before they do anything else; changing one's own password clears it.
ALTER TABLE app_user ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;
