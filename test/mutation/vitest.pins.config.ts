import { groupVitestConfig } from './vitest-group-config.js';

export default groupVitestConfig('pins');
