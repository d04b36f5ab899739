/** The Cache Storage name shared by the kiosk page (which fills it) and its service worker. */
export const KIOSK_CACHE = 'kaiku-kiosk-v1';
