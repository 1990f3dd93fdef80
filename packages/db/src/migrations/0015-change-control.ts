/**
 * Change control: changes to AI systems, their approval and material flag, and when a risk was last
 * reviewed. A material change asks for the system's risks to be reviewed again; a risk's review
 * clears that request.
 */
export default /* sql */ `
alter table risks add column reviewed_at timestamptz(3);
alter table risks add column rereview_requested_at timestamptz(3);
update risks set reviewed_at = updated_at;
`;
