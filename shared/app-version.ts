/**
 * The app's version, as package.json says (a test keeps them the same). A desk PC and the hub
 * compare it, with `lanProtocol`, before they work together.
 */
export const appVersion = '0.1.0';
