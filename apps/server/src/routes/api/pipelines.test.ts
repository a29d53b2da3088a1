import { startTestApp } from '../../testing/test-app';
import { pipelinesSuite } from './pipelines-suite';

pipelinesSuite('SQLite', () => startTestApp());
