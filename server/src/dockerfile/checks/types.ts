// The shape of a Dockerfile check: pure (model) -> findings (Finding and Severity are shared by both languages).
import type { Finding } from '../../diagnostics/types';
import type { DockerfileModel } from '../model';

export type { Finding, Severity } from '../../diagnostics/types';

export type Check = (model: DockerfileModel) => Finding[];
