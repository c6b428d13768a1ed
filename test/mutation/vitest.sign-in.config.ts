import { groupVitestConfig } from './vitest-group-config.js';

export default groupVitestConfig('sign-in');
