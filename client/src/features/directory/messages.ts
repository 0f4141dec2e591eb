// Messages of the directory screens. Danish is the source of truth; English must have the same keys.
// Prefix every key with "directory." so catalogues of different features never collide.
export const directoryDa = {
};

export const directoryEn: Record<keyof typeof directoryDa, string> = {
};
