-- Issue 11, N-5a: a declaration made after its period fell due (the due date of its month's bill; a yearly
-- declaration, January's) is accepted, never refused for lateness; during an emergency it is flagged with the
-- clauses of the measure in force (N-5a), and keeps the day it fell due.
ALTER TABLE contribution_declaration
    ADD COLUMN due_on DATE,
    ADD COLUMN flags  TEXT NOT NULL DEFAULT '';
