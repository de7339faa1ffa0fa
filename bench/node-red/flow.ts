/**
 * The peer: the Node-RED flow a care technician would build today for the same job, in core
 * nodes only. MQTT in (QoS 1) → JSON → [switch: fall or help → change (add the topic) → WebSocket
 * out] and [trigger per topic: "inactive" after 4 h without a message, extended by each message →
 * WebSocket out]. No database: Node-RED keeps nothing, so its throughput is an upper bound for a
 * flow that would also store events.
 */
export interface FlowOptions {
  brokerPort: number;
  prefix: string;
  /** WebSocket path the alerts go out on. */
  wsPath: string;
}

/** Node ids are hex, as the editor makes them: with plain words (`json`) Node-RED 4.1 refused the flow. */
const id = {
  tab: 'b0a1c2d3e4f5a600',
  broker: 'b0a1c2d3e4f5a601',
  mqttIn: 'b0a1c2d3e4f5a602',
  json: 'b0a1c2d3e4f5a603',
  fallCheck: 'b0a1c2d3e4f5a604',
  withTopic: 'b0a1c2d3e4f5a605',
  inactivity: 'b0a1c2d3e4f5a606',
  wsOut: 'b0a1c2d3e4f5a607',
  wsListener: 'b0a1c2d3e4f5a608',
};

export function benchFlow(o: FlowOptions): unknown[] {
  const z = id.tab;
  return [
    { id: z, type: 'tab', label: 'Vaka bench peer' },
    {
      id: id.broker,
      type: 'mqtt-broker',
      name: 'bench broker',
      broker: '127.0.0.1',
      port: String(o.brokerPort),
      clientid: '',
      autoConnect: true,
      usetls: false,
      protocolVersion: '4',
      keepalive: '60',
      cleansession: true,
    },
    {
      id: id.mqttIn,
      type: 'mqtt in',
      z,
      topic: `${o.prefix}/sensor/+`,
      qos: '1',
      datatype: 'utf8',
      broker: id.broker,
      nl: false,
      rap: true,
      inputs: 0,
      wires: [[id.json]],
    },
    {
      id: id.json,
      type: 'json',
      z,
      property: 'payload',
      action: 'obj',
      pretty: false,
      wires: [[id.fallCheck, id.inactivity]],
    },
    {
      id: id.fallCheck,
      type: 'switch',
      z,
      property: 'payload.type',
      propertyType: 'msg',
      rules: [
        { t: 'eq', v: 'fall', vt: 'str' },
        { t: 'eq', v: 'help', vt: 'str' },
      ],
      checkall: 'false',
      outputs: 2,
      wires: [[id.withTopic], [id.withTopic]],
    },
    {
      id: id.withTopic,
      type: 'change',
      z,
      rules: [{ t: 'set', p: 'payload.topic', pt: 'msg', to: 'topic', tot: 'msg' }],
      wires: [[id.wsOut]],
    },
    {
      id: id.inactivity,
      type: 'trigger',
      z,
      op1: '',
      op2: 'inactive',
      op1type: 'nul',
      op2type: 'str',
      duration: '4',
      extend: true,
      overrideDelay: false,
      units: 'hr',
      reset: '',
      bytopic: 'topic',
      topic: 'topic',
      outputs: 1,
      wires: [[id.wsOut]],
    },
    { id: id.wsOut, type: 'websocket out', z, server: id.wsListener, client: '', wires: [] },
    { id: id.wsListener, type: 'websocket-listener', path: o.wsPath, wholemsg: 'false' },
  ];
}
