export { buildTemplate } from './build.ts';
