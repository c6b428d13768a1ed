export { DeskScreen as DeskHome } from '../desk/desk-screen.js';
