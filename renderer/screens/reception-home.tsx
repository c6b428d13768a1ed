export { ReceptionScreen as ReceptionHome } from '../reception/reception-screen.js';
