import { afterAll, beforeAll } from 'vitest';
import { sqliteUnderTest } from './backends.ts';
import { claimsContract } from './claims-contract.ts';
import { progressContract } from './progress-contract.ts';
import { restBudgetContract } from './rest-budget-contract.ts';

const backend = sqliteUnderTest();
beforeAll(backend.start);
afterAll(backend.stop);

progressContract(backend);
claimsContract(backend);
restBudgetContract(backend);
