-- How long a unit has to handle a report, per ward: hours per category (the category's default
-- where the ward sets none), counted on working days (Monday to Friday, not a public holiday) or
-- on the calendar, and the public holidays the working calendar skips, configured per year.
CREATE TABLE deadline_policy (
    ward_id    uuid        PRIMARY KEY REFERENCES ward (id),
    calendar   text        NOT NULL DEFAULT 'WORKING_DAYS' CHECK (calendar IN ('WORKING_DAYS', 'CALENDAR_HOURS')),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE deadline_hours (
    ward_id  uuid    NOT NULL REFERENCES ward (id),
    category text    NOT NULL REFERENCES category (code),
    hours    integer NOT NULL CHECK (hours BETWEEN 1 AND 8760),
    PRIMARY KEY (ward_id, category)
);

CREATE TABLE public_holiday (
    ward_id uuid NOT NULL REFERENCES ward (id),
    day     date NOT NULL,
    name    text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    PRIMARY KEY (ward_id, day)
);
