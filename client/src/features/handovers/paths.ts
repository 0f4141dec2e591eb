// The handovers screens' addresses; Danish because people read and share them.
export const handoversPaths = {
  handovers: "/overleveringer",
  newHandover: "/overleveringer/ny",
  handoverAuditTrail: "/overleveringer/adgangslog",
  openRequests: "/overleveringer/aabne",
  handover: "/overleveringer/:id",
} as const;

export function handoverPath(id: string): string {
  return `/overleveringer/${encodeURIComponent(id)}`;
}
