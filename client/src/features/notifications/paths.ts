// The notification screens' addresses; Danish because people read and share them. The server
// links to the first two from every e-mail (List-Unsubscribe points at the preferences).
export const notificationsPaths = {
  notifications: "/notifikationer",
  notificationPreferences: "/indstillinger/notifikationer",
  developmentMail: "/udvikling/post",
} as const;
