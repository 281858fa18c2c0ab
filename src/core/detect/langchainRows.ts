// LangChain's rows of the SDK table (sdks.ts) that are lists rather than clients or methods: the helpers that compose
// a model into chains and agents, per language, and the keywords that name an Azure deployment.
import type { Lang } from './sdks';

/** LangChain helpers that build a runnable from a model (the model's invocation happens through the result), per language. */
export interface Composers {
  /** functions whose first positional argument (or `llm`/`model` keyword / option) is the model */
  agents: string[];
  /** methods on a model that return another model-like runnable around the same model */
  wrappers: string[];
  /** runnable sequences built from a list of steps */
  sequences: string[];
  /** prompt templates (the chain's prompt) */
  promptTemplates: string[];
}

export const LANGCHAIN_COMPOSERS: Record<Lang, Composers> = {
  py: {
    agents: ['create_react_agent', 'create_tool_calling_agent', 'create_openai_functions_agent', 'create_openai_tools_agent', 'create_structured_chat_agent', 'LLMChain', 'AgentExecutor', 'initialize_agent', 'create_sql_agent', 'ConversationChain', 'RetrievalQA.from_chain_type', 'create_stuff_documents_chain'],
    wrappers: ['bind_tools', 'bind', 'with_structured_output', 'with_retry', 'with_fallbacks', 'with_config', 'pipe'],
    sequences: ['RunnableSequence.from_', 'RunnableSequence'],
    promptTemplates: ['ChatPromptTemplate.from_messages', 'ChatPromptTemplate.from_template', 'PromptTemplate.from_template', 'PromptTemplate'],
  },
  js: {
    agents: ['createReactAgent', 'createToolCallingAgent', 'createOpenAIFunctionsAgent', 'createOpenAIToolsAgent', 'createStructuredChatAgent', 'AgentExecutor.fromAgentAndTools', 'createAgent'],
    wrappers: ['bindTools', 'bind', 'withStructuredOutput', 'withRetry', 'withConfig', 'withFallbacks', 'withListeners'],
    sequences: ['RunnableSequence.from'],
    promptTemplates: ['ChatPromptTemplate.fromMessages', 'ChatPromptTemplate.fromTemplate', 'PromptTemplate.fromTemplate', 'PromptTemplate'],
  },
};

/** LangChain's Azure deployment keywords: Python's AzureChatOpenAI (`azure_deployment`, `deployment_name`) and JS's
 *  AzureChatOpenAI / ChatOpenAI (`azureOpenAIApiDeploymentName`). */
export const LANGCHAIN_DEPLOYMENT_KEYS = ['azure_deployment', 'deployment_name', 'azureOpenAIApiDeploymentName'];
