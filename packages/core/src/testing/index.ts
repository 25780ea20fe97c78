export { runCarrierConformance, type CarrierConformanceOptions, type MockedResponse, type ConformanceTransport } from './run-carrier-conformance';
