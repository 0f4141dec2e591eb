// The administration sub-pages' paths; Danish because people read and share them.
export const adminProfilePaths = {
  adminCentre: "/administration/vaerested/:centreId",
  adminService: "/administration/tilbud/:serviceId",
  adminUnit: "/administration/enhed/:unitId",
  securityLog: "/administration/sikkerhedslog",
  taxonomy: "/administration/taksonomi",
  signposting: "/administration/henvisning",
} as const;
