-- The catalog tells the truth (issue 9): the 2020 deferral of flexible workers' contributions is its own measure
-- (N-5b, N-5c; FJ-5b, FJ-5c), no longer filed under a late-payment waiver that also cited the employers' N-5a.
UPDATE contribution_deferral SET measure = 'CONTRIBUTION_DEFERRAL_2020' WHERE measure = 'LATE_PAYMENT_WAIVER';
UPDATE contribution_deferral SET clauses = regexp_replace(clauses, '(^|, )N-5a(, )?', '\1', 'g')
 WHERE clauses LIKE '%N-5a%';
UPDATE contribution_deferral SET clauses = regexp_replace(clauses, '^, |, $', '', 'g');
