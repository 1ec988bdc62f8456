package vn.urbanorder.review;

import vn.urbanorder.workflow.ReviewMove;

/** What an inspector finds, and how the workflow moves the report for it. */
public enum Verdict {
    /** The report was really resolved: a RESOLVED report becomes VERIFIED. */
    CONFIRMED(ReviewMove.VERIFY),
    /** It was not: a RESOLVED or VERIFIED report goes back to its unit, REOPENED with a new deadline. */
    DISPUTED(ReviewMove.SEND_BACK),
    /** Something the ward admin must look at, on a report in any status; it changes no status. */
    FOLLOW_UP(ReviewMove.FLAG_FOLLOW_UP);

    private final ReviewMove move;

    Verdict(ReviewMove move) {
        this.move = move;
    }

    public ReviewMove move() {
        return move;
    }
}
