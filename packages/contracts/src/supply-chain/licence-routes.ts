/** Routes of the organisation's licence policy and the licence findings it produces. */
export const licenceRoutes = {};
