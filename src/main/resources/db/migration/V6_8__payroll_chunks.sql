-- One payroll run, many nodes (issue 18, item 3). A run is cut into chunks of its region's standing orders when it
-- is opened; a node takes a chunk with SELECT ... FOR UPDATE SKIP LOCKED and writes its payment lines and the chunk's
-- "done" mark in the same transaction. The row lock is the claim: a node that dies mid-chunk loses its connection,
-- PostgreSQL rolls its transaction back and releases the lock, and another node takes the chunk as if nothing had
-- been written. No owner, no heartbeat: those columns of the run go.
CREATE TABLE payroll_chunk (
    run_id      BIGINT       NOT NULL REFERENCES payroll_run (id),
    region_code CHAR(6)      NOT NULL,
    no          INT          NOT NULL,
    after_id    BIGINT       NOT NULL,  -- the chunk's orders: after_id < id <= upto_id, of the run's region
    upto_id     BIGINT       NOT NULL,
    orders      BIGINT,                 -- orders picked (in force that month, not stopped), once done
    lines       BIGINT,                 -- payment lines written, once done
    done_by     VARCHAR(120),           -- the node that did it (its JDBC application name)
    done_at     TIMESTAMPTZ,
    CONSTRAINT payroll_chunk_pk PRIMARY KEY (run_id, no),
    CONSTRAINT payroll_chunk_range CHECK (after_id < upto_id),
    CONSTRAINT payroll_chunk_done CHECK ((done_at IS NULL) = (done_by IS NULL) AND (done_at IS NULL) = (orders IS NULL)
                                         AND (done_at IS NULL) = (lines IS NULL))
);
-- the chunks still to do, for the claim
CREATE INDEX payroll_chunk_open ON payroll_chunk (run_id, no) WHERE done_at IS NULL;

-- what each chunk paid, by kind of line, written with its lines: the run is booked from these sums, without reading
-- its lines again
CREATE TABLE payroll_chunk_total (
    run_id      BIGINT        NOT NULL,
    no          INT           NOT NULL,
    kind        VARCHAR(12)   NOT NULL CHECK (kind IN ('REGULAR','PREPAYMENT','ARREARS','SETTLEMENT','DEDUCTION','RECOVERY')),
    lines       BIGINT        NOT NULL,
    amount      NUMERIC(16,2) NOT NULL,
    CONSTRAINT payroll_chunk_total_pk PRIMARY KEY (run_id, no, kind),
    CONSTRAINT payroll_chunk_total_chunk FOREIGN KEY (run_id, no) REFERENCES payroll_chunk (run_id, no)
);

-- a run left RUNNING by the previous version continues from its progress marker: the rest of its region's orders,
-- cut the same way
INSERT INTO payroll_chunk (run_id, region_code, no, after_id, upto_id)
SELECT b.run_id, b.region_code, b.bucket,
       COALESCE(lag(b.last_id) OVER (PARTITION BY b.run_id ORDER BY b.bucket), b.done_upto), b.last_id
  FROM (SELECT r.id AS run_id, r.region_code, r.done_upto, o.bucket, max(o.id) AS last_id
          FROM payroll_run r
          JOIN LATERAL (SELECT id, (row_number() OVER (ORDER BY id) - 1) / 100000 AS bucket
                          FROM payroll_order WHERE region_code = r.region_code AND id > r.done_upto) o ON TRUE
         WHERE r.status = 'RUNNING'
         GROUP BY r.id, r.region_code, r.done_upto, o.bucket) b;

-- what was done before the upgrade counts as one chunk already done, with its totals, so the progress shown and the
-- booking stay right
INSERT INTO payroll_chunk (run_id, region_code, no, after_id, upto_id, orders, lines, done_by, done_at)
SELECT r.id, r.region_code, -1, 0, r.done_upto, r.orders_done,
       (SELECT count(*) FROM payroll_line l WHERE l.run_id = r.id), 'before V6_8', now()
  FROM payroll_run r WHERE r.status = 'RUNNING' AND r.done_upto > 0;
INSERT INTO payroll_chunk_total (run_id, no, kind, lines, amount)
SELECT l.run_id, -1, l.kind, count(*), sum(l.amount)
  FROM payroll_line l JOIN payroll_run r ON r.id = l.run_id AND r.status = 'RUNNING' AND r.done_upto > 0
 GROUP BY l.run_id, l.kind;

-- a completed run keeps its count of orders done as one chunk
INSERT INTO payroll_chunk (run_id, region_code, no, after_id, upto_id, orders, lines, done_by, done_at)
SELECT r.id, r.region_code, -1, 0, GREATEST(r.done_upto, 1), r.orders_done,
       (SELECT count(*) FROM payroll_line l WHERE l.run_id = r.id), 'before V6_8', COALESCE(r.finished_at, now())
  FROM payroll_run r WHERE r.status = 'COMPLETED';

ALTER TABLE payroll_run DROP COLUMN done_upto, DROP COLUMN owner, DROP COLUMN heartbeat, DROP COLUMN orders_done;
