/** Styles of the notification bell in the banner and of /app/notifications, appended to the one stylesheet (src/pages/layout.ts). */
export const notificationStyles = `
.bell { position: relative; display: inline-flex; align-items: center; padding: 0.25rem 0.5rem; border-radius: 4px; text-decoration: none; }
.bell svg { width: 1.5rem; height: 1.5rem; }
.bell[aria-current] { outline: 2px solid #ffffff; }
.bell-badge { position: absolute; top: -0.35rem; right: -0.35rem; min-width: 1.35rem; padding: 0 0.3rem; border-radius: 999px; background: #ffd43b; color: #1a1a1a; font-size: 0.8rem; font-weight: 700; line-height: 1.35rem; text-align: center; }
ul.notifications { list-style: none; padding: 0; margin: 1rem 0; }
ul.notifications li { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; justify-content: space-between; border: 1px solid #8a8a8a; border-radius: 6px; padding: 0.5rem 1rem; margin-bottom: 0.5rem; }
ul.notifications li.unread { border-left: 6px solid #12355b; }
ul.notifications li.unread .what { font-weight: 700; }
ul.notifications p { margin: 0; }
ul.notifications form { margin: 0; }
`;
