// xhr2 (XMLHttpRequest for Node, used to run OHIF's dicomweb-client outside a browser) ships no types.
declare module 'xhr2' {
    const XMLHttpRequest: typeof globalThis.XMLHttpRequest;
    export default XMLHttpRequest;
}
