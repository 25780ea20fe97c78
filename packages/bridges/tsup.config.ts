import { wismoBuildConfig } from '../../tsup.config.base';

export default wismoBuildConfig();
